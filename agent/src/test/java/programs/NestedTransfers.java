package programs;

/**
 * Per-object locks with nesting: transfers lock two accounts in id order, audits lock every
 * account, one inside the other (recursively). The total never changes and no balance goes negative.
 */
public final class NestedTransfers {
    private static final int ACCOUNTS = 16;
    private static final int THREADS = 4;
    private static final int TRANSFERS = 20_000;
    private static final long INITIAL = 1_000;

    static final class Account {
        final int id;
        long balance;

        Account(int id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        Account[] accounts = new Account[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts[i] = new Account(i, INITIAL);
        }
        long expected = ACCOUNTS * INITIAL;
        Run.threads(THREADS + 1, t -> {
            if (t == THREADS) {
                for (int i = 0; i < 300; i++) {
                    long seen = audit(accounts, 0);
                    Run.check(seen == expected, "audit saw " + seen + ", expected " + expected);
                }
                return;
            }
            int r = 0x9E3779B9 * (t + 1);
            for (int i = 0; i < TRANSFERS; i++) {
                r = Run.next(r);
                int a = (r >>> 1) % ACCOUNTS;
                r = Run.next(r);
                int b = (r >>> 1) % ACCOUNTS;
                if (a != b) {
                    transfer(accounts[a], accounts[b], 1 + ((r >>> 8) & 63));
                }
            }
        });
        long total = audit(accounts, 0);
        for (Account a : accounts) {
            Run.check(a.balance >= 0, "account " + a.id + " went negative: " + a.balance);
        }
        Run.check(total == expected, "total " + total + ", expected " + expected);
        System.out.println("nested transfers: total " + total + " ok");
    }

    static void transfer(Account from, Account to, long amount) {
        Account first = from.id < to.id ? from : to;
        Account second = from.id < to.id ? to : from;
        synchronized (first) {
            synchronized (second) {
                if (from.balance >= amount) {
                    from.balance -= amount;
                    to.balance += amount;
                }
            }
        }
    }

    /** The sum of accounts[i..]: holds accounts[0..i] while it reads the rest. */
    static long audit(Account[] accounts, int i) {
        synchronized (accounts[i]) {
            long here = accounts[i].balance;
            return i + 1 == accounts.length ? here : here + audit(accounts, i + 1);
        }
    }
}
