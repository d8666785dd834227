/** Test helpers: optional real data, independent reference tools, NaN-aware raster asserts. */
package dev.surveyor.testkit;
