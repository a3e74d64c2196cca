package cn.parkflow.notification;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This application node's name in the outbox: who wrote a row, who holds a lease, who sent it. */
@Component
class RelayNode {

    private final String id = abbreviate(ManagementFactory.getRuntimeMXBean().getName()) + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private static String abbreviate(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    String id() {
        return id;
    }
}
