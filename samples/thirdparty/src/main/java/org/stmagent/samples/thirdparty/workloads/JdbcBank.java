package org.stmagent.samples.thirdparty.workloads;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bank transfers over JDBC on an embedded in-memory database, at 1, 2 and 4 threads: each transfer
 * moves money between two random accounts in one database transaction and logs itself; a
 * transaction the database refuses (a lock timeout, a deadlock, a serialization failure) is rolled
 * back and tried again. Checks: no worker failed, the total balance is conserved, and the transfer
 * log holds exactly the transfers that committed. Prints each run's throughput.
 */
final class JdbcBank {
    private static final int ACCOUNTS = 32;
    private static final long INITIAL = 1_000;
    private static final int TRANSFERS_PER_THREAD = 2_000;

    /** What differs between engines. */
    interface Engine {
        /** The URL of a fresh in-memory database for the run at {@code threads} threads. */
        String url(int threads);

        /** The DDL of the transfer log, with an identity column {@code id}. */
        String createTransferLog();

        /** An engine-specific refusal that asks for a retry (SQL state class 40 always does). */
        boolean isRetryable(SQLException e);

        /** Drops everything the run created. */
        String dropAll();
    }

    private JdbcBank() {
    }

    /** Runs the bank at 1, 2 and 4 threads; returns the exit status. */
    static int runAll(Engine engine) throws Exception {
        Checks checks = new Checks();
        for (int threads : new int[] {1, 2, 4}) {
            run(engine, threads, checks);
        }
        return checks.close();
    }

    private static void run(Engine engine, int threads, Checks checks) throws Exception {
        String url = engine.url(threads);
        try (Connection setup = DriverManager.getConnection(url)) {
            create(setup, engine);
            AtomicLong committed = new AtomicLong();
            long start = System.nanoTime();
            List<Throwable> thrown = Workers.run(threads, worker -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        transferUntilCommitted(c, engine);
                        committed.incrementAndGet();
                    }
                }
            });
            long nanos = System.nanoTime() - start;
            System.out.printf("%d transfers at %d threads in %.0f ms: %.0f transfers/s%n", committed.get(), threads,
                    nanos / 1e6, committed.get() * 1e9 / nanos);
            for (Throwable t : thrown) {
                t.printStackTrace(System.out);
            }
            String at = " at " + threads + " threads";
            checks.check("no worker failed" + at, thrown.isEmpty());
            checks.check("total balance conserved" + at,
                    single(setup, "SELECT SUM(balance) FROM account") == ACCOUNTS * INITIAL);
            checks.check("transfer log matches the committed transfers" + at,
                    single(setup, "SELECT COUNT(*) FROM transfer") == committed.get());
            try (Statement s = setup.createStatement()) {
                s.execute(engine.dropAll());
            }
        }
    }

    private static void create(Connection c, Engine engine) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account(id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            s.execute(engine.createTransferLog());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO account VALUES (?, ?)")) {
            for (int id = 0; id < ACCOUNTS; id++) {
                p.setInt(1, id);
                p.setLong(2, INITIAL);
                p.executeUpdate();
            }
        }
    }

    private static void transferUntilCommitted(Connection c, Engine engine) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int source = random.nextInt(ACCOUNTS);
        int target = (source + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = 1 + random.nextInt(50);
        while (true) {
            try {
                transfer(c, source, target, amount);
                c.commit();
                return;
            } catch (SQLException refused) {
                c.rollback();
                String state = refused.getSQLState();
                if (!(state != null && state.startsWith("40")) && !engine.isRetryable(refused)) {
                    throw refused;
                }
            }
        }
    }

    private static void transfer(Connection c, int source, int target, long amount) throws SQLException {
        try (PreparedStatement debit = c.prepareStatement("UPDATE account SET balance = balance - ? WHERE id = ?");
             PreparedStatement credit = c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?");
             PreparedStatement log = c.prepareStatement("INSERT INTO transfer(source, target, amount) VALUES (?, ?, ?)")) {
            debit.setLong(1, amount);
            debit.setInt(2, source);
            debit.executeUpdate();
            credit.setLong(1, amount);
            credit.setInt(2, target);
            credit.executeUpdate();
            log.setInt(1, source);
            log.setInt(2, target);
            log.setLong(3, amount);
            log.executeUpdate();
        }
    }

    private static long single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}
