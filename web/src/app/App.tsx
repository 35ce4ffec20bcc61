import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { currentSession, subscribeSession } from '../auth/session';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { LoadingState } from '../states/states';
import { NotFoundPage } from './NotFoundPage';

// Each route is its own chunk: the sign-in page loads without the shell, tables or charts.
const SignInPage = lazy(() => import('../pages/SignInPage'));
// The landing page is rendered inside the shell: its chunk (and, through it, the chart's) starts
// loading with the shell's instead of after it (the first-render benchmark's waterfall).
const loadOverview = () => import('../pages/OverviewPage');
const Shell = lazy(() => {
  if (['/', '/overview'].includes(window.location.pathname)) void loadOverview();
  return import('../shell/Shell').then((m) => ({ default: m.Shell }));
});
const HouseholdsPage = lazy(() => import('../pages/HouseholdsPage'));
const HouseholdPage = lazy(() => import('../pages/HouseholdPage'));
const OverviewPage = lazy(loadOverview);
const TiersPage = lazy(() => import('../pages/TiersPage'));
const TiersHome = lazy(() => import('../pages/TiersPage').then((m) => ({ default: m.TiersHome })));
const KeyRegionsPage = lazy(() => import('../pages/KeyRegionsPage'));
const CasesPage = lazy(() => import('../pages/CasesPage'));
const CasePage = lazy(() => import('../pages/CasePage'));
const UsersPage = lazy(() => import('../pages/UsersPage'));
const FollowUpsPage = lazy(() => import('../pages/FollowUpsPage'));

/**
 * Government blue, and a base font that has the Chinese glyphs on every platform. Links and
 * secondary text are darker than antd's defaults, which miss WCAG AA's 4.5:1 contrast.
 */
const THEME = {
  token: {
    colorPrimary: '#1553b6',
    colorLink: '#1553b6',
    // antd's lighter hover blue misses 4.5:1 on a hovered table row.
    colorLinkHover: '#1d4ed8',
    colorInfo: '#1553b6',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};

/** Signed out: to the sign-in page, which comes back here once signed in (a link someone sent). */
function ToSignIn() {
  const location = useLocation();
  return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
}

function Routed() {
  const { language } = useI18n();
  const session = useSyncExternalStore(subscribeSession, currentSession);
  const user = session?.user ?? null;
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      theme={THEME}
      // antd spaces out two-character Chinese labels (登 录), which screen readers then spell out.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <Suspense fallback={<LoadingState />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            {user === null ? (
              <Route path="*" element={<ToSignIn />} />
            ) : (
              <Route element={<Shell user={user} />}>
                {/* Every role reads reports (report.read): the campaign overview is the landing page. */}
                <Route index element={<Navigate to="/overview" replace />} />
                <Route path="/households" element={<HouseholdsPage user={user} />} />
                <Route path="/households/:householdId" element={<HouseholdPage user={user} />} />
                <Route path="/overview" element={<OverviewPage user={user} />} />
                <Route path="/tiers" element={<TiersHome user={user} />} />
                <Route path="/tiers/:unitCode" element={<TiersPage user={user} />} />
                <Route path="/key-regions" element={<KeyRegionsPage user={user} />} />
                <Route path="/cases" element={<CasesPage user={user} />} />
                <Route path="/cases/:caseId" element={<CasePage user={user} />} />
                <Route path="/users" element={<UsersPage />} />
                <Route path="/data-quality" element={<FollowUpsPage key="dq" user={user} kind="data-quality" />} />
                <Route path="/rectification" element={<FollowUpsPage key="rect" user={user} kind="rectification" />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            )}
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

/** The dashboard: language, theme, the signed-in user's routes. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routed />
      </BrowserRouter>
    </I18nProvider>
  );
}
