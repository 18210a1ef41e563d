package org.stmagent.samples.thirdparty.workloads;

import java.sql.SQLException;

/** {@link JdbcBank} on an in-memory H2 database (MVStore, row locks). */
public final class H2Bank implements JdbcBank.Engine {
    private H2Bank() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(JdbcBank.runAll(new H2Bank()));
    }

    @Override
    public String url(int threads) {
        return "jdbc:h2:mem:bank" + threads + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    }

    @Override
    public String createTransferLog() {
        return "CREATE TABLE transfer(id IDENTITY PRIMARY KEY, source INT, target INT, amount BIGINT)";
    }

    /** H2's lock timeout (50200) and concurrent update (90131) ask for a retry. */
    @Override
    public boolean isRetryable(SQLException e) {
        int code = e.getErrorCode();
        return code == 50200 || code == 90131;
    }

    @Override
    public String dropAll() {
        return "DROP ALL OBJECTS";
    }
}
