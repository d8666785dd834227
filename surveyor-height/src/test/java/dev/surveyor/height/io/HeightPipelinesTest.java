package dev.surveyor.height.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.eval.HeightEvaluation;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import dev.surveyor.height.synth.SyntheticSceneGenerator;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.learn.LearnEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeightPipelinesTest {
    @Test
    void predictCarriesGeoreferencingAndEvaluateWritesMetrics(@TempDir Path dir) throws Exception {
        LearnEngine.start(1);
        ConfigSyntheticScene sc = new ConfigSyntheticScene();
        sc.widthPx = 100;
        sc.heightPx = 70;
        sc.seed = 3;
        SyntheticSceneFiles.writeDataDir(dir, sc, 1);
        Path img = dir.resolve("img/img_syn0003.tif");
        Path lab = dir.resolve("lab/lab_syn0003.tif");
        ImageHeightPair p = SyntheticSceneGenerator.create(sc).generate().toPair("s");
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 4;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        Path out = dir.resolve("pred.tif");
        Path png = dir.resolve("pred.png");
        ConfigTiledPrediction tc = new ConfigTiledPrediction();
        tc.tileSizePx = 64;
        tc.overlapPx = 16;
        try (HeightModel m = HeightModel.create(net, BandNormalization.fit(List.of(p)), 10)) {
            HeightPipelines.predictFile(m, img, out, png, 60, tc, ProgressListener.NONE);
        }
        try (RasterSource in = RasterIO.open(img);
                RasterSource pred = RasterIO.open(out)) {
            assertEquals(100, pred.width());
            assertEquals(70, pred.height());
            assertEquals(1, pred.numBands());
            assertEquals(dev.surveyor.core.raster.DataType.FLOAT32, pred.dataType());
            GridGeometry gi = in.geometry().orElseThrow();
            GridGeometry go = pred.geometry().orElseThrow();
            assertEquals(gi.crs().epsg(), go.crs().epsg());
            double[] a = gi.pixelToMap(0, 0);
            double[] b = go.pixelToMap(0, 0);
            assertEquals(a[0], b[0], 1e-6);
            assertEquals(a[1], b[1], 1e-6);
            assertTrue(pred.noData().isPresent() && Double.isNaN(pred.noData().getAsDouble()));
        }
        assertTrue(Files.size(png) > 100);
        RasterF32 pr = HeightPipelines.readHeight(out);
        assertTrue(Float.isFinite(pr.get(50, 35)));
        HeightEvaluation ev = HeightPipelines.evaluateFiles(lab, out, dir.resolve("eval"), 0, 100);
        assertEquals(7000, ev.metrics().validPixels());
        assertTrue(Files.size(dir.resolve("eval/metrics.json")) > 100);
        assertTrue(Files.size(dir.resolve("eval/error.png")) > 100);
        assertTrue(Files.size(dir.resolve("eval/scatter.png")) > 100);
        HeightEvaluation self =
                HeightPipelines.evaluateFiles(lab, lab, dir.resolve("eval2"), 0, 100);
        assertEquals(0.0, self.metrics().maeM(), 0.0);
        assertEquals(1.0, self.ssim(), 1e-12);
    }
}
