package dev.surveyor.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class LearnEngineTest {
    private interface LibC extends Library {
        String getenv(String name);
    }

    @Test
    void ompWaitPolicyIsInTheNativeEnvironmentLibgompReads() {
        LearnEngine.start(1);
        String env = System.getenv("OMP_WAIT_POLICY");
        String expected = env != null ? env : LearnEngine.DEFAULT_OMP_WAIT_POLICY;
        assertEquals(expected, LearnEngine.ompWaitPolicy());
        assertEquals(expected, Native.load("c", LibC.class).getenv("OMP_WAIT_POLICY"));
    }
}
