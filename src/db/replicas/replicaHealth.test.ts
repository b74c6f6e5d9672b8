import { judgeReplicaStatus } from './replicaHealth';

const running = { Slave_IO_Running: 'Yes', Slave_SQL_Running: 'Yes', Last_IO_Error: '', Last_SQL_Error: '' };

it('uses a replica within the lag bound (MariaDB and MySQL 8.0.22+ column names)', () => {
  expect(judgeReplicaStatus([{ ...running, Seconds_Behind_Master: 3 }], 5)).toEqual({ usable: true, lagSeconds: 3 });
  expect(judgeReplicaStatus([{ Replica_SQL_Running: 'Yes', Seconds_Behind_Source: '0' }], 0)).toEqual({
    usable: true,
    lagSeconds: 0,
  });
});

it('takes out a replica past the bound, one not replicating, and a server that is no replica', () => {
  expect(judgeReplicaStatus([{ ...running, Seconds_Behind_Master: 6 }], 5)).toEqual({
    usable: false,
    reason: 'it is 6 s behind the primary (WC_HOST_REPLICA_MAX_LAG_SECONDS=5)',
  });
  expect(
    judgeReplicaStatus(
      [{ ...running, Slave_SQL_Running: 'No', Last_SQL_Error: 'Duplicate entry', Seconds_Behind_Master: null }],
      5,
    ),
  ).toEqual({
    usable: false,
    reason: 'replication is not running (IO thread: Yes, SQL thread: No; Duplicate entry)',
  });
  expect(judgeReplicaStatus([], 5)).toEqual({
    usable: false,
    reason: 'it is not a replica (SHOW REPLICA STATUS is empty)',
  });
});
