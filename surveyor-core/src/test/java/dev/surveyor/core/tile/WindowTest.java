package dev.surveyor.core.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowTest {
    @Test
    void halfOpenContainment() {
        Window w = Window.of(10, 20, 5, 3);
        assertEquals(new Window(10, 20, 15, 23), w);
        assertEquals(15, w.area());
        assertTrue(w.contains(10, 20));
        assertTrue(w.contains(14, 22));
        assertFalse(w.contains(15, 22));
        assertFalse(w.contains(14, 23));
        assertTrue(w.contains(14.999, 22.5));
        assertFalse(w.contains(15.0, 22.5));
        assertTrue(w.contains(10.0, 20.0));
        assertFalse(w.contains(9.9999, 21.0));
    }

    @Test
    void intersectionAndClip() {
        Window a = new Window(0, 0, 10, 10);
        Window b = new Window(5, -3, 20, 4);
        assertEquals(new Window(5, 0, 10, 4), a.intersection(b));
        assertEquals(a.intersection(b), b.intersection(a));
        assertTrue(a.intersects(b));
        Window far = new Window(30, 30, 40, 40);
        assertTrue(a.intersection(far).isEmpty());
        assertFalse(a.intersects(far));
        assertEquals(new Window(5, 0, 8, 4), b.clip(8, 100));
        assertTrue(a.contains(new Window(2, 2, 10, 10)));
        assertFalse(a.contains(b));
        assertTrue(a.contains(new Window(50, 50, 50, 50)));
    }

    @Test
    void translateAndExpand() {
        Window a = new Window(5, 5, 10, 12);
        assertEquals(new Window(2, 2, 13, 15), a.expand(3));
        assertEquals(new Window(6, 6, 9, 11), a.expand(-1));
        assertEquals(new Window(-5, 15, 0, 22), a.translate(-10, 10));
        assertThrows(IllegalArgumentException.class, () -> a.expand(-3));
    }

    @Test
    void rejectsInvertedWindows() {
        assertThrows(IllegalArgumentException.class, () -> new Window(5, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> Window.of(0, 0, 3, -1));
    }
}
