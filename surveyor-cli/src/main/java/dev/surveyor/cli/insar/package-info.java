/**
 * The {@code surveyor insar} commands: {@code reference}, {@code ps}, {@code simulate} and {@code
 * coregister}. Thin: parse, validate, call the pipelines of {@code surveyor-insar}.
 */
package dev.surveyor.cli.insar;
