process.env.WC_HOST_TEST_DB = 'sqlite';
