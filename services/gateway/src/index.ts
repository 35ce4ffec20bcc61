export * from './app.module';
export * from './gateway.identity';
export * from './system/system-info.dto';
export * from './identity/demo/demo-users.module';
