import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { prepareDatabase } from './db/prepare.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './db/seed/demo-org.ts';
import { buildApp } from './app.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.KEFU_DATA_DIR });
const prepared = await prepareDatabase(database, config);
const app = await buildApp(config, database);

await app.listen({ port: config.PORT, host: config.HOST });
if (config.KEFU_BACKGROUND === 'on' || database.kind === 'pglite') await app.services.start();
const where = database.kind === 'pglite' ? `embedded PGlite in ${config.KEFU_DATA_DIR}` : 'PostgreSQL';
app.log.info(`Kefu is running on http://localhost:${config.PORT} (${where}); API docs at /api/docs`);
if (prepared.seeded === 'demo' || (config.seedDemo && database.kind === 'pglite')) {
  const list = DEMO_USERS.map((u) => `${u.username} (${u.displayName})`).join(', ');
  app.log.info(`Demo users, password "${DEMO_PASSWORD}": ${list}`);
}
if (prepared.seeded === 'admin') {
  app.log.warn(`Created the first administrator: username "admin", password "${prepared.adminPassword}" — change it after signing in.`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  });
}
