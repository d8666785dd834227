package dev.surveyor.cli.insar;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.cli.report.ReportOption;
import dev.surveyor.insar.coreg.ConfigCoregistration;
import dev.surveyor.insar.coreg.CoregistrationPipeline;
import dev.surveyor.insar.coreg.CoregistrationRun;
import dev.surveyor.insar.coreg.DateOffsets;
import dev.surveyor.insar.coreg.OffsetModelType;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor insar coregister --stack S --out DIR}: co-registers every SLC of a stack onto its
 * reference date (Harris + SIFT + ANN shift as in Aduenko et al. 2015, then sub-pixel patch
 * correlation, a robust offset model and sinc resampling) and writes {@code slc/*.tif}, {@code
 * offsets.csv}, {@code matches.csv} and {@code stack.json}. Offsets are secondary minus reference
 * position in pixels (x = column/range, y = row/azimuth).
 */
@Command(
        name = "coregister",
        mixinStandardHelpOptions = true,
        description = "Co-register the SLCs of a stack onto its reference date.")
public final class CoregisterCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--stack",
            required = true,
            paramLabel = "S",
            description = "Stack manifest (stack.json).")
    Path stack;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
            names = "--model",
            defaultValue = "affine",
            paramLabel = "M",
            description = "Offset model: shift, affine or quadratic (default ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--patch",
            defaultValue = "64",
            paramLabel = "PX",
            description = "Correlation patch size in pixels (default ${DEFAULT-VALUE}).")
    int patchPx;

    @Option(
            names = "--spacing",
            defaultValue = "64",
            paramLabel = "PX",
            description = "Patch grid spacing in pixels (default ${DEFAULT-VALUE}).")
    int spacingPx;

    @Option(
            names = "--subimages",
            paramLabel = "MxN",
            description =
                    "Sub-images for the feature shift, rows x columns (default: one per 2048 px).")
    String subImages;

    @Option(
            names = "--kernel",
            defaultValue = "sinc",
            paramLabel = "K",
            description = "Resampling kernel: sinc or cubic (default ${DEFAULT-VALUE}).")
    String kernel;

    @Option(
            names = "--taps",
            defaultValue = "16",
            paramLabel = "N",
            description = "Taps of the sinc kernel (even, default ${DEFAULT-VALUE}).")
    int taps;

    @Option(
            names = "--no-features",
            description = "Skip the feature (Harris/SIFT) stage; coarse shift 0.")
    boolean noFeatures;

    @Mixin ReportOption report;

    @Override
    public Integer call() throws IOException {
        ConfigCoregistration c = new ConfigCoregistration();
        c.model = parseModel(model);
        c.patchSizePx = patchPx;
        c.patchSpacingPx = spacingPx;
        c.kernelTaps = taps;
        c.featureStage = !noFeatures;
        c.kernel =
                switch (kernel.toLowerCase(Locale.ROOT)) {
                    case "sinc" -> ConfigCoregistration.Kernel.SINC;
                    case "cubic" -> ConfigCoregistration.Kernel.CUBIC;
                    default ->
                            throw new IllegalArgumentException(
                                    "--kernel must be sinc or cubic, got " + kernel);
                };
        if (subImages != null) {
            String[] mn = subImages.toLowerCase(Locale.ROOT).split("x");
            try {
                if (mn.length != 2) {
                    throw new NumberFormatException();
                }
                c.subImageRows = Integer.parseInt(mn[0].trim());
                c.subImageColumns = Integer.parseInt(mn[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--subimages must be MxN, e.g. 2x3, got " + subImages);
            }
            if (c.subImageRows < 1 || c.subImageColumns < 1) {
                throw new IllegalArgumentException(
                        "--subimages must be at least 1x1, got " + subImages);
            }
        }
        c.validate();
        StackManifest m = StackManifest.read(stack);
        CoregistrationRun run = new CoregistrationPipeline(c).run(m, out, new CliProgress());
        PrintWriter w =
                spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        w.println("reference " + run.referenceDate());
        w.println("date        dx_px     dy_px  matches  residual_px");
        for (DateOffsets o : run.offsets()) {
            w.println(
                    String.format(
                            Locale.ROOT,
                            "%s %9.4f %9.4f %8d %12.4f",
                            o.date(),
                            o.dxPx(),
                            o.dyPx(),
                            o.matches(),
                            o.residualPx()));
        }
        w.println("wrote " + run.manifest());
        w.flush();
        report.writeFolder(RunKind.COREGISTRATION, out);
        return 0;
    }

    private static OffsetModelType parseModel(String s) {
        try {
            return OffsetModelType.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--model must be shift, affine or quadratic, got " + s);
        }
    }
}
