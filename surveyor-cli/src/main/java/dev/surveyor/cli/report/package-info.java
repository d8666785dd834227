/** The {@code surveyor report} command (thin wrapper over {@code dev.surveyor.report.Reports}). */
package dev.surveyor.cli.report;
