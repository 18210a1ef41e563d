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
 * Bank transfers over JDBC on an embedded in-memory H2 database, at 1, 2 and 4 threads: each
 * transfer moves money between two random accounts in one database transaction and logs itself;
 * a transaction the database refuses (a lock timeout or a concurrent update) is rolled back and
 * tried again. Checks: no worker failed, the total balance is conserved, and the transfer log
 * holds exactly the transfers that committed.
 */
public final class H2Bank {
    private static final int ACCOUNTS = 32;
    private static final long INITIAL = 1_000;
    private static final int TRANSFERS_PER_THREAD = 2_000;

    private H2Bank() {
    }

    public static void main(String[] args) throws Exception {
        Checks checks = new Checks();
        for (int threads : new int[] {1, 2, 4}) {
            run(threads, checks);
        }
        System.exit(checks.close());
    }

    private static void run(int threads, Checks checks) throws Exception {
        String url = "jdbc:h2:mem:bank" + threads + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        try (Connection setup = DriverManager.getConnection(url)) {
            create(setup);
            AtomicLong committed = new AtomicLong();
            List<Throwable> thrown = Workers.run(threads, worker -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        transferUntilCommitted(c);
                        committed.incrementAndGet();
                    }
                }
            });
            String at = " at " + threads + " threads";
            checks.check("no worker failed" + at, thrown.isEmpty());
            checks.check("total balance conserved" + at,
                    single(setup, "SELECT SUM(balance) FROM account") == ACCOUNTS * INITIAL);
            checks.check("transfer log matches the committed transfers" + at,
                    single(setup, "SELECT COUNT(*) FROM transfer") == committed.get());
            try (Statement s = setup.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
        }
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account(id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            s.execute("CREATE TABLE transfer(id IDENTITY PRIMARY KEY, source INT, target INT, amount BIGINT)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO account VALUES (?, ?)")) {
            for (int id = 0; id < ACCOUNTS; id++) {
                p.setInt(1, id);
                p.setLong(2, INITIAL);
                p.executeUpdate();
            }
        }
    }

    private static void transferUntilCommitted(Connection c) throws SQLException {
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
                if (!isRetryable(refused)) {
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

    /** H2's lock timeout (50200), deadlock (40001) and concurrent update (90131) ask for a retry. */
    private static boolean isRetryable(SQLException e) {
        int code = e.getErrorCode();
        return code == 50200 || code == 40001 || code == 90131;
    }

    private static long single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}
