package dev.surveyor.learn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves and restores the state of DJL's {@link Adam} (first and second moment estimates and the
 * per-parameter update counts of its bias correction), which DJL itself cannot save, so that a
 * training resumed after a kill continues exactly as if it had not stopped.
 *
 * <p>How: DJL keeps the state in private maps keyed by {@link Parameter#getId()}, a random id per
 * process; they are read and written by reflection and stored keyed by the parameter's name in the
 * block (stable across processes). File: a DJL {@link NDList} ({@code m:NAME}, {@code v:NAME},
 * {@code n:NAME} = the update count as a 1-element int array) written atomically. Parameters
 * without state (never updated, e.g. frozen) are left out and start from zero on restore, as in
 * DJL.
 *
 * <p>Not thread-safe; call between steps only.
 */
public final class AdamState {
    private static final Field MEANS = field(Adam.class, "means");
    private static final Field VARIANCES = field(Adam.class, "variances");
    private static final Field COUNTS = field(Optimizer.class, "updateCounts");

    private AdamState() {}

    private static Field field(Class<?> c, String name) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another DJL version: save/restore become no-ops
        }
    }

    /**
     * Whether this DJL version exposes the fields (else {@link #save}/{@link #restore} do nothing).
     */
    public static boolean supported() {
        return MEANS != null && VARIANCES != null && COUNTS != null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Field f, Object o) {
        try {
            return (T) f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Adam's " + f.getName(), e);
        }
    }

    /**
     * Writes the optimizer's state for the parameters of {@code block}.
     *
     * @param optimizer an {@link Adam} instance (anything else: nothing is written, false returned)
     * @param block the network whose parameter names key the file
     * @param file target file (replaced atomically)
     * @return whether a file was written
     */
    public static boolean save(Optimizer optimizer, Block block, Path file) throws IOException {
        if (!(optimizer instanceof Adam) || !supported()) {
            return false;
        }
        Map<String, Map<Device, NDArray>> means = get(MEANS, optimizer);
        Map<String, Map<Device, NDArray>> vars = get(VARIANCES, optimizer);
        Map<String, Integer> counts = get(COUNTS, optimizer);
        NDList out = new NDList();
        for (Pair<String, Parameter> p : block.getParameters()) {
            String id = p.getValue().getId();
            Map<Device, NDArray> m = means == null ? null : means.get(id);
            Map<Device, NDArray> v = vars == null ? null : vars.get(id);
            if (m == null || v == null || m.isEmpty() || v.isEmpty()) {
                continue;
            }
            NDArray mArr = m.values().iterator().next();
            NDArray vArr = v.values().iterator().next();
            NDManager mgr = mArr.getManager();
            NDArray mc = mArr.duplicate();
            mc.setName("m:" + p.getKey());
            NDArray vc = vArr.duplicate();
            vc.setName("v:" + p.getKey());
            int n = counts == null ? 0 : counts.getOrDefault(id, 0);
            NDArray nc = mgr.create(new int[] {n}, new Shape(1));
            nc.setName("n:" + p.getKey());
            out.add(mc);
            out.add(vc);
            out.add(nc);
        }
        NdListFiles.write(out, file);
        return true;
    }

    /**
     * Loads a state written by {@link #save} into {@code optimizer} for the (initialised)
     * parameters of {@code block}; entries whose parameter is missing or has another shape are
     * skipped.
     *
     * @return the number of parameters restored (0 when the optimizer is not Adam)
     */
    public static int restore(Optimizer optimizer, Block block, Path file) throws IOException {
        if (!(optimizer instanceof Adam) || !supported()) {
            return 0;
        }
        Map<String, Map<Device, NDArray>> means = get(MEANS, optimizer);
        Map<String, Map<Device, NDArray>> vars = get(VARIANCES, optimizer);
        Map<String, Integer> counts = get(COUNTS, optimizer);
        if (means == null || vars == null || counts == null) {
            throw new IllegalStateException("Adam's state maps are not initialised");
        }
        int restored = 0;
        Map<String, Parameter> byName = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            byName.put(p.getKey(), p.getValue());
        }
        NDManager tmpMgr = NDManager.newBaseManager();
        try {
            NDList in = NdListFiles.read(tmpMgr, file, "an Adam state file");
            Map<String, NDArray> byKey = new HashMap<>();
            for (NDArray a : in) {
                byKey.put(a.getName(), a);
            }
            for (Map.Entry<String, Parameter> e : byName.entrySet()) {
                NDArray m = byKey.get("m:" + e.getKey());
                NDArray v = byKey.get("v:" + e.getKey());
                NDArray n = byKey.get("n:" + e.getKey());
                Parameter par = e.getValue();
                if (m == null || v == null || n == null || !par.isInitialized()) {
                    continue;
                }
                NDArray w = par.getArray();
                if (!m.getShape().equals(w.getShape()) || !v.getShape().equals(w.getShape())) {
                    continue;
                }
                NDManager target = w.getManager();
                NDArray mm = target.create(m.toFloatArray(), w.getShape());
                NDArray vv = target.create(v.toFloatArray(), w.getShape());
                Map<Device, NDArray> mMap = new ConcurrentHashMap<>();
                mMap.put(w.getDevice(), mm);
                Map<Device, NDArray> vMap = new ConcurrentHashMap<>();
                vMap.put(w.getDevice(), vv);
                means.put(par.getId(), mMap);
                vars.put(par.getId(), vMap);
                counts.put(par.getId(), n.toIntArray()[0]);
                restored++;
            }
        } finally {
            tmpMgr.close();
        }
        return restored;
    }
}
