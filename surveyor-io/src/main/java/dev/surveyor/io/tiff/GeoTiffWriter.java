package dev.surveyor.io.tiff;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.util.Checks;
import dev.surveyor.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link RasterDataset} as a GeoTIFF that GDAL reads back with the same size, type,
 * geotransform, CRS (EPSG), no-data and values.
 *
 * <p>Types: UINT8 (Byte), INT16, UINT16, FLOAT32, and COMPLEX64 as CFloat32 (or CInt16 with {@link
 * GeoTiffWriteOptions#complexInt16}). Georeferencing: a north-up geotransform is written as
 * ModelPixelScale + ModelTiepoint, a rotated one as ModelTransformation; the pixel anchor as
 * GTRasterTypeGeoKey (CORNER = PixelIsArea, CENTER = PixelIsPoint with the tiepoint at the centre
 * of pixel (0, 0)); an EPSG code as GeographicTypeGeoKey when it is in 4000-4999, else as
 * ProjectedCSTypeGeoKey. A CRS known only by WKT (Moon, Mars) is written as user-defined keys when
 * it is geographic or equirectangular (ellipsoid, standard parallel, central meridian, false
 * origin, as GDAL writes them); other WKT-only CRSs are not written. No-data goes to GDAL_NODATA.
 * Files with two or more bands get ExtraSamples so that libtiff accepts PhotometricInterpretation
 * MinIsBlack.
 *
 * <p>The file is written atomically: to a temporary file in the target folder, renamed over the
 * target only on success.
 */
public final class GeoTiffWriter {
    private GeoTiffWriter() {}

    /** Writes with default options (uncompressed strips). */
    public static void write(RasterDataset dataset, Path target) throws IOException {
        write(dataset, target, null);
    }

    /**
     * Writes {@code dataset} to {@code target}.
     *
     * @param options layout and compression, or {@code null} for the defaults. Not modified.
     * @throws IllegalArgumentException when the options do not fit the data (e.g. predictor 3 for
     *     integers)
     */
    public static void write(RasterDataset dataset, Path target, GeoTiffWriteOptions options)
            throws IOException {
        Checks.notNull("dataset", dataset);
        Checks.notNull("target", target);
        GeoTiffWriteOptions opt = options == null ? new GeoTiffWriteOptions() : options.copy();
        opt.validate();
        MultiBandRaster r = dataset.raster();
        AtomicFiles.writeChannel(
                target,
                ch -> {
                    TiffEncoder enc =
                            new TiffEncoder(
                                    ch,
                                    r.width(),
                                    r.height(),
                                    r.numBands(),
                                    r.dataType(),
                                    dataset.geometry(),
                                    dataset.noData(),
                                    opt);
                    // batches of about 8 MiB, encoded in parallel
                    for (int by = 0; by < enc.blocksDown(); ) {
                        int k = enc.batchBlockRows(by, 8L << 20);
                        int y0 = by * enc.blockHeight;
                        enc.writeBlockRows(r.subView(0, y0, r.width(), enc.rowsIn(by, k)));
                        by += k;
                    }
                    enc.finish();
                });
    }
}
