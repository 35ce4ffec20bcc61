import { Inject, Logger, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { loadWebAppConfig, WEB_APP_CONFIG, type WebAppConfig } from './web-app.config';
import { webAppMiddleware } from './web-app.static';

/**
 * The dashboard (web/) at `/`, from the same origin as the API in both modes, so the browser
 * needs no CORS and the Content Security Policy's `'self'` covers its scripts. Without a build
 * it serves nothing and says so once at start.
 */
@Module({ providers: [{ provide: WEB_APP_CONFIG, useFactory: () => loadWebAppConfig() }] })
export class WebAppModule implements NestModule {
  constructor(@Inject(WEB_APP_CONFIG) private readonly config: WebAppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    if (this.config.distDir === null) {
      new Logger('WebAppModule').warn(
        '未找到网页构建（web/dist），仅提供 API / no web app build (web/dist): serving the API only — run npm run build',
      );
      return;
    }
    consumer.apply(webAppMiddleware(this.config.distDir)).forRoutes('{*path}');
  }
}
