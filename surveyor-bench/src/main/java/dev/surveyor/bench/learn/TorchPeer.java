package dev.surveyor.bench.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.surveyor.learn.LearnEngine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code /usr/bin/python3} process running {@code torch_peer.py}: the same network in PyTorch
 * with the DJL network's weights, kept alive so that its forward passes can be timed in turn with
 * DJL's under the same machine load.
 *
 * <p>Files exchanged are little-endian: int32 array count, then per array int32 rank, int32 dims,
 * float32 values.
 */
final class TorchPeer implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final BufferedWriter in;
    private final float[] output;
    private final String version;

    /**
     * Starts the peer, hands it the weights and the input, and reads its output for that input.
     *
     * @param archJson the network description (see torch_peer.py)
     * @param block the DJL network whose parameters are copied
     * @param input the NCHW input
     * @param inputShape its shape
     * @param threads torch intra-op threads
     * @param work a folder for the exchange files
     */
    TorchPeer(
            String archJson, Block block, float[] input, long[] inputShape, int threads, Path work)
            throws IOException {
        Path script = work.resolve("torch_peer.py");
        try (InputStream s = TorchPeer.class.getResourceAsStream("torch_peer.py")) {
            Files.write(script, s.readAllBytes());
        }
        Path arch = work.resolve("arch.json");
        Files.writeString(arch, archJson);
        Path params = work.resolve("params.bin");
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            arrays.add(p.getValue().getArray());
        }
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(params))) {
            o.write(le(arrays.size()));
            for (NDArray a : arrays) {
                writeArray(o, a.getShape().getShape(), a.toFloatArray());
            }
        }
        Path inFile = work.resolve("input.bin");
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(inFile))) {
            o.write(le(1));
            writeArray(o, inputShape, input);
        }
        Path outFile = work.resolve("output.bin");
        ProcessBuilder pb =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                script.toString(),
                                arch.toString(),
                                params.toString(),
                                inFile.toString(),
                                outFile.toString(),
                                Integer.toString(threads))
                        .redirectErrorStream(true);
        // the same OpenMP wait policy as this process's libtorch (see LearnEngine)
        pb.environment().put("OMP_WAIT_POLICY", LearnEngine.ompWaitPolicy());
        process = pb.start();
        out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in =
                new BufferedWriter(
                        new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready")) {
            StringBuilder all = new StringBuilder(ready == null ? "" : ready);
            for (String l = out.readLine(); l != null; l = out.readLine()) {
                all.append('\n').append(l);
            }
            throw new IOException("torch peer failed: " + all);
        }
        version = ready.split(" ")[1];
        output = readSingleArray(outFile);
    }

    /** The PyTorch version. */
    String version() {
        return version;
    }

    /** The network's output for the input, flattened NCHW. */
    float[] output() {
        return output.clone();
    }

    /**
     * Runs {@code n} forward passes; {@code [wall[], cpu[]]}: their wall-clock times and the peer's
     * CPU times (all threads), in seconds.
     */
    double[][] time(int n) throws IOException {
        in.write("time " + n + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null) {
            throw new IOException("torch peer ended");
        }
        String[] f = line.trim().split(" ");
        double[][] t = new double[2][f.length];
        for (int i = 0; i < f.length; i++) {
            String[] wc = f[i].split(":");
            if (wc.length != 2) {
                throw new IOException("torch peer: " + line);
            }
            t[0][i] = Double.parseDouble(wc[0]);
            t[1][i] = Double.parseDouble(wc[1]);
        }
        return t;
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }

    private static void writeArray(DataOutputStream o, long[] shape, float[] v) throws IOException {
        o.write(le(shape.length));
        for (long d : shape) {
            o.write(le((int) d));
        }
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        o.write(b.array());
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static float[] readSingleArray(Path f) throws IOException {
        ByteBuffer b;
        try (DataInputStream d = new DataInputStream(Files.newInputStream(f))) {
            b = ByteBuffer.wrap(d.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (b.getInt() != 1) {
            throw new IOException(f + ": expected one array");
        }
        int rank = b.getInt();
        long n = 1;
        for (int i = 0; i < rank; i++) {
            n *= b.getInt();
        }
        float[] v = new float[(int) n];
        b.asFloatBuffer().get(v);
        return v;
    }
}
