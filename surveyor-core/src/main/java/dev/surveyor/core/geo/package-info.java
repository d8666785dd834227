/**
 * Georeferencing: affine {@link dev.surveyor.core.geo.GeoTransform}s with an explicit pixel anchor,
 * {@link dev.surveyor.core.geo.GridGeometry}, coordinate reference systems and map projections of
 * the Earth, the Moon and Mars.
 */
package dev.surveyor.core.geo;
