package dev.gureum.server.cloudwatch;

import dev.gureum.core.alarm.AlarmActions;
import dev.gureum.core.alarm.AlarmEvaluator;
import dev.gureum.core.alarm.AlarmHistory;
import dev.gureum.core.alarm.AlarmInstanceActions;
import dev.gureum.core.alarm.AlarmMetrics;
import dev.gureum.core.alarm.AlarmNotifier;
import dev.gureum.core.alarm.AlarmQueries;
import dev.gureum.core.alarm.AlarmService;
import dev.gureum.core.alarm.AlarmTags;
import dev.gureum.core.alarm.AlarmTransitions;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.store.FollowedStore;
import dev.gureum.core.store.Store;
import dev.gureum.core.time.ClockScheduler;
import java.util.concurrent.Executors;

/**
 * CloudWatch alarms of one node, assembled: the services the handlers call and the evaluator, started on the
 * node's clock scheduler. What alarms read (metrics), notify (SNS) and act on (instances) are ports, so the
 * metric store and SNS delivery plug in here.
 */
public final class AlarmCloud {
    final AlarmService service;
    final AlarmQueries queries;
    final AlarmTags tags;

    private AlarmCloud(AlarmService service, AlarmQueries queries, AlarmTags tags) {
        this.service = service;
        this.queries = queries;
        this.tags = tags;
    }

    public static AlarmCloud start(Store records, ClockScheduler scheduler, RegionCatalog regions, AlarmMetrics metrics,
                                   AlarmNotifier notifier, AlarmInstanceActions instances) {
        FollowedStore store = new FollowedStore(records);
        AlarmHistory history = new AlarmHistory(store);
        AlarmActions actions = new AlarmActions(store, history, notifier, instances,
                region -> regions.find(region).map(Region::longName).orElse(region), scheduler.clock(),
                Executors.newVirtualThreadPerTaskExecutor());
        AlarmTransitions transitions = new AlarmTransitions(store, history, actions,
                store.follow(AlarmTransitions.parentIndex(store)));
        new AlarmEvaluator(store, metrics, transitions, history).start(scheduler);
        return new AlarmCloud(new AlarmService(store, history, transitions), new AlarmQueries(store, transitions),
                new AlarmTags(store));
    }
}
