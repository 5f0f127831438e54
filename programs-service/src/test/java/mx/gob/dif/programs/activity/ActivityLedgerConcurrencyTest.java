package mx.gob.dif.programs.activity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The request path and the ledger loop write the same ledger rows at the same moment (the loop reads them back from
 * the topic right after the request committed them): two such writes, in any order of their rows, both succeed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ActivityLedgerConcurrencyTest {
    @Inject
    ActivityLedger ledger;

    @Test
    void theSameRowsWrittenAtOnceInOppositeOrdersAreAllRecordedWithoutADeadlock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                List<ActivityLedger.Entry> rows = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    rows.add(new ActivityLedger.Entry(UUID.randomUUID(), "DIF-01-03", "10005", "10005", 2021,
                            LocalDate.of(2021, 3, 1 + i % 28), BigDecimal.ONE, OffsetDateTime.now()));
                }
                List<ActivityLedger.Entry> reversed = new ArrayList<>(rows);
                Collections.reverse(reversed);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Void>> writes = new ArrayList<>();
                for (List<ActivityLedger.Entry> order : List.of(rows, reversed)) {
                    Callable<Void> write = () -> {
                        together.await();
                        ledger.record(order);
                        return null;
                    };
                    writes.add(pool.submit(write));
                }
                for (Future<Void> w : writes) {
                    w.get(); // a deadlock surfaces here as an ExecutionException (PSQLException: deadlock detected)
                }
                assertEquals(rows.size(), ledger.find(rows.stream().map(ActivityLedger.Entry::id).toList()).size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
