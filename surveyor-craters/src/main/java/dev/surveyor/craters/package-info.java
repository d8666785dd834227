/**
 * Crater detection: the {@link dev.surveyor.craters.Crater} record and {@link
 * dev.surveyor.craters.CraterCatalog}. Pixel coordinates everywhere in this module have their
 * origin at the top-left corner of the top-left pixel ({@code x} = column, {@code y} = row, pixel
 * {@code i} covers {@code [i, i + 1)}), diameters are in pixels.
 */
package dev.surveyor.craters;
