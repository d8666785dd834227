/**
 * The PS-InSAR pipeline over a stack manifest: reference date, amplitude statistics and PS
 * candidates streamed over row blocks of the stack (bounded memory, multi-threaded), estimation
 * with nuisance removal, and the outputs ({@code ps.csv}, float32 GeoTIFF maps, {@code
 * summary.json}).
 */
package dev.surveyor.insar.pipeline;
