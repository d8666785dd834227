/**
 * Static plots for reports: XChart line, scatter, histogram and log-log charts rendered headless to
 * PNG, and raster rendering with colour maps (viridis, diverging RdBu with symmetric limits, gray
 * with a percentile stretch), point overlays and colour bars. Images are written atomically.
 */
package dev.surveyor.report.plot;
