package dev.gureum.bench;

/** The cold-start reference: the least a JVM can do, print one line. Started as its own process. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
