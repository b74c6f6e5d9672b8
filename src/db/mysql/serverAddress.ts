import type { DatabaseConfig } from '../../config/databaseUrl';

type MysqlConfig = Extract<DatabaseConfig, { dialect: 'mysql' }>;

/** Where mysql2 reaches the server: host and port over TCP, or the Unix socket when the URL names one (it wins). */
export function serverAddress(config: MysqlConfig): { host: string; port: number; socketPath?: string } {
  return {
    host: config.host,
    port: config.port,
    ...(config.socketPath === null ? {} : { socketPath: config.socketPath }),
  };
}
