import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { SignedInUser } from '../auth/claims';
import { menuFor } from '../auth/pages';
import { signOut } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/**
 * The frame around every signed-in page: the side menu with only the pages the role may see
 * (a drawer behind a button at phone width), the language switch and sign-out in the header.
 */
export function Shell({ user }: { readonly user: SignedInUser }) {
  const { t, language, setLanguage } = useI18n();
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg !== true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const pages = menuFor(user.role);
  const selected = pages.filter((page) => location.pathname.startsWith(page.path)).map((page) => page.key);
  const menu = (
    <nav aria-label={t('menu.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected}
        onClick={() => setDrawerOpen(false)}
        items={pages.map((page) => ({ key: page.key, label: <Link to={page.path}>{t(page.label)}</Link> }))}
      />
    </nav>
  );
  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <Layout.Header className="shell-header">
        <Space size="small" className="shell-title">
          {narrow && (
            <Button aria-label={t('menu.open')} onClick={() => setDrawerOpen(true)} className="shell-menu-button">
              ☰
            </Button>
          )}
          <Typography.Text strong className="shell-app-name">
            {t('app.title')}
          </Typography.Text>
        </Space>
        <Space size="small" wrap={false}>
          {!narrow && (
            <Typography.Text className="shell-user">
              {t('shell.user')}: {t(`role.${user.role}`)}
            </Typography.Text>
          )}
          <Button
            onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}
            title={t('lang.switchLabel')}
            lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
          >
            {t('lang.switch')}
          </Button>
          <Button
            onClick={() => {
              void signOut().then(() => navigate('/sign-in'));
            }}
          >
            {t('shell.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.title')}
            size={260}
          >
            <Typography.Paragraph type="secondary">{t(`role.${user.role}`)}</Typography.Paragraph>
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light" className="shell-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content>
          <main id="main" tabIndex={-1} className="shell-main">
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
