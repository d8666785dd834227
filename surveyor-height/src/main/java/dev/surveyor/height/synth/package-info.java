/**
 * Procedural image/height scenes for pre-training and tests: terrain, roads, buildings with floor
 * heights and flat or gabled roofs, trees, sun-angle shading and cast shadows, sensor noise, in a
 * ZY-3-like 4-band (blue, green, red, near-infrared) 16-bit radiometry.
 */
package dev.surveyor.height.synth;
