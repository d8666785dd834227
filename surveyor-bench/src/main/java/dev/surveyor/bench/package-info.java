/**
 * Benchmarks: our implementations timed next to reference tools (GDAL via python3 osgeo.gdal) in
 * one run, with {@code main} entry points called from the scripts in {@code bench/}. Never
 * deployed.
 */
package dev.surveyor.bench;
