package dev.surveyor.spark.craters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.detect.DetectionTable;
import dev.surveyor.craters.detect.RasterSourceWindows;
import dev.surveyor.craters.model.CenterNetDetector;
import dev.surveyor.craters.model.CenterNetNetworks;
import dev.surveyor.craters.model.ConfigCenterNet;
import dev.surveyor.craters.model.TestScales;
import dev.surveyor.craters.model.TestTimeAugmentation;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.spark.LocalSpark;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crater detection on Spark ({@code local[2]}) returns the same list as the single-machine detector
 * after the seam merge, with a tiny random-weight CenterNet and a low threshold (many detections,
 * many of them on window seams).
 */
class SparkCraterJobTest {
    @TempDir Path dir;

    @Test
    void sparkCraterListIsIdenticalAfterTheSeamMerge() throws Exception {
        LearnEngine.start(1);
        ConfigCenterNet arch = new ConfigCenterNet();
        arch.outputStride = 2;
        arch.stemChannels = 8;
        arch.widths = new int[] {16, 16, 24};
        arch.headChannels = 16;
        Path modelDir = dir.resolve("model");
        ModelDir md = new ModelDir(modelDir);
        LearnEngine.seed(9);
        try (Model m = Model.newInstance("craters")) {
            Block block = CenterNetNetworks.build(arch).network();
            m.setBlock(block);
            block.initialize(
                    m.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, 1, arch.sizeMultiple(), arch.sizeMultiple()));
            java.nio.file.Files.createDirectories(modelDir);
            md.saveParams(block, ModelDir.BEST);
        }
        ObjectNode json = ModelDir.json().createObjectNode();
        json.set("architecture", arch.toJson());
        json.put("windowPx", 64);
        json.putObject("input").put("mean", 100.0).put("std", 30.0);
        md.writeJson(json);

        int w = 300;
        int h = 260;
        SplittableRandom rnd = new SplittableRandom(2);
        RasterF32 img = new RasterF32(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.set(
                        x,
                        y,
                        (float)
                                (100
                                        + 30 * Math.sin(x / 9.0) * Math.cos(y / 7.0)
                                        + 10 * rnd.nextGaussian()));
            }
        }
        Path image = dir.resolve("image.tif");
        RasterIO.write(RasterDataset.of(MultiBandRaster.of(img)), image);

        List<Crater> single = singleMachine(modelDir, image, null, null);
        List<Crater> spark = spark(modelDir, image, null, null);
        assertTrue(single.size() > 50, "too few detections to compare: " + single.size());
        assertEquals(single, spark);
        assertEquals(csv(single), csv(spark));

        // test-time augmentation (mirrored second pass; all eight dihedral passes) runs inside
        // each task too
        List<Crater> previous = single;
        for (TestTimeAugmentation tta :
                List.of(TestTimeAugmentation.FLIP, TestTimeAugmentation.D4)) {
            List<Crater> singleTta = singleMachine(modelDir, image, tta, null);
            assertTrue(!singleTta.equals(previous), tta + " changes the detections");
            assertEquals(csv(singleTta), csv(spark(modelDir, image, tta, null)), tta.id());
            previous = singleTta;
        }

        // so does multi-scale testing (resampled windows, fusion per window)
        TestScales scales = TestScales.of(0.75, 1, 1.5);
        List<Crater> singleScales = singleMachine(modelDir, image, null, scales);
        assertTrue(!singleScales.equals(single), "scales change the detections");
        assertEquals(csv(singleScales), csv(spark(modelDir, image, null, scales)), "scales");
    }

    /**
     * {@code CenterNetDetector} with 64 px windows, 16 px overlap, batches of 3, threshold 0.05.
     */
    private static List<Crater> singleMachine(
            Path modelDir, Path image, TestTimeAugmentation tta, TestScales scales)
            throws Exception {
        try (CenterNetDetector det = CenterNetDetector.load(modelDir, 1);
                RasterSource src = RasterIO.open(image)) {
            det.windows(64, 16).batchSize(3);
            if (tta != null) {
                det.augmentation(tta);
            }
            if (scales != null) {
                det.scales(scales);
            }
            return det.detect(new RasterSourceWindows(src, 0), 0.05, ProgressListener.NONE);
        }
    }

    /** The same on Spark (null settings = the model's). */
    private static List<Crater> spark(
            Path modelDir, Path image, TestTimeAugmentation tta, TestScales scales)
            throws Exception {
        return SparkCraterJob.detect(
                LocalSpark.engine(), modelDir, image, 0, 64, 16, 3, 0.05, tta, scales, null);
    }

    private static String csv(List<Crater> c) throws java.io.IOException {
        StringWriter w = new StringWriter();
        DetectionTable.write(c, null, w);
        return w.toString();
    }
}
