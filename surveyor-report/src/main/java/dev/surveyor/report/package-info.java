/**
 * Reports on analysis runs: {@link dev.surveyor.report.Reports} writes a self-contained HTML page
 * per run folder (crater, height or PS-InSAR) and an index linking several. See the sub-packages
 * for plotting ({@code plot}), page building ({@code html}) and run-folder reading ({@code run}).
 */
package dev.surveyor.report;
