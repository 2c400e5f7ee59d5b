package dev.gureum.server.ec2;

import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.InstanceView;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.storage.AttachedVolumes;
import dev.gureum.protocol.ec2.Ec2XmlEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DescribeInstances' items, each kept with the facts it was made from and served again while they are
 * unchanged. Waiters, SDKs and Terraform describe the same instances over and over; an item is about 3 KB
 * of XML, and with the item the encoder keeps its encoding ({@link Ec2XmlEncoder#keepEncoding}), so an
 * unchanged instance is built and encoded once. The facts are the records an item is made of (compared
 * as values, which for the store's unchanged records is a comparison of references) and the names the
 * call's network view lends it. At most {@link #LIMIT} items are kept (about 25 MB); past that the
 * whole set starts again.
 */
final class InstanceItems {
    static final int LIMIT = 4_096;

    private final ConcurrentHashMap<String, Item> items = new ConcurrentHashMap<>();

    /** Everything an item is made of: equal facts make an equal item. */
    private record Facts(Instance instance, List<NetworkInterface> interfaces, List<AttachedVolumes.Attached> volumes,
            List<Object> names) {
        static Facts of(Instance instance, InstanceView view) {
            List<NetworkInterface> interfaces = InstanceShapes.interfaces(instance, view);
            List<Object> names = new ArrayList<>();
            for (NetworkInterface eni : interfaces) {
                names.add(view.network().givesPublicDns(eni.vpcId()));
                eni.groupIds().forEach(id -> names.add(view.network().groupName(id)));
            }
            return new Facts(instance, interfaces, view.volumes().of(instance.id()), names);
        }
    }

    private record Item(Facts facts, software.amazon.awssdk.services.ec2.model.Instance shape) {
    }

    software.amazon.awssdk.services.ec2.model.Instance of(Instance instance, InstanceView view) {
        Facts facts = Facts.of(instance, view);
        Item kept = items.get(instance.id());
        if (kept != null && kept.facts.equals(facts)) {
            return kept.shape;
        }
        software.amazon.awssdk.services.ec2.model.Instance shape = InstanceShapes.instance(instance, view);
        Ec2XmlEncoder.keepEncoding(shape);
        if (items.size() >= LIMIT) {
            items.clear();
        }
        items.put(instance.id(), new Item(facts, shape));
        return shape;
    }
}
