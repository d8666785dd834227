/**
 * Image/height training pairs: reading from GeoTIFFs of any band count and sample type, pairing
 * files by tile name (optionally with extra co-registered views, such as ZY-3 three-line-camera
 * bands, appended after the image bands), per-band normalisation learned on the training tiles,
 * random crops with lossless (dihedral) augmentation, and splits by source tile. Height is in
 * metres above ground; NaN marks no-data and is masked out of losses and metrics.
 */
package dev.surveyor.height.data;
