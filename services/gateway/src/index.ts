export * from './app.module';
export * from './gateway.identity';
export * from './system/system-info.dto';
