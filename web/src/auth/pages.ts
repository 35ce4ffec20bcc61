import type { MessageKey } from '../i18n/messages';
import type { UserRole } from './claims';
import { CASE_READERS, USER_MANAGERS } from './permissions';

/** A page of the side menu and the role that may open it. */
export interface MenuPage {
  readonly key:
    'households' | 'overview' | 'tiers' | 'key-regions' | 'cases' | 'users' | 'data-quality' | 'rectification';
  readonly path: string;
  readonly label: MessageKey;
  /** Roles whose permissions include what the page's API asks (the server refuses the rest anyway). */
  readonly roles: readonly UserRole[];
}

/** The roles granted report.read (the gateway's ROLE_PERMISSIONS). */
const REPORT_READERS: readonly UserRole[] = [
  'province-official',
  'city-official',
  'county-official',
  'township-official',
  'village-inspector',
  'auditor',
  'administrator',
];

/**
 * The dashboard's pages in menu order. Each later issue adds its page here (campaign, tiers,
 * cases, reports, users) with the roles the gateway grants its permission to.
 */
export const MENU_PAGES: readonly MenuPage[] = [
  {
    key: 'households',
    path: '/households',
    label: 'menu.households',
    // registry.read: every role of the access model.
    roles: [
      'province-official',
      'city-official',
      'county-official',
      'township-official',
      'village-inspector',
      'auditor',
      'administrator',
    ],
  },
  // report.read: every user role, each in its own area (an inspector their team's villages).
  { key: 'overview', path: '/overview', label: 'reports.menu.overview', roles: REPORT_READERS },
  { key: 'tiers', path: '/tiers', label: 'reports.menu.tiers', roles: REPORT_READERS },
  { key: 'key-regions', path: '/key-regions', label: 'reports.menu.keyRegions', roles: REPORT_READERS },
  // case.read
  { key: 'cases', path: '/cases', label: 'menu.cases', roles: CASE_READERS },
  // inspection.read: every role (an inspector sees their villages' only).
  {
    key: 'data-quality',
    path: '/data-quality',
    label: 'quality.menuIssues',
    roles: [
      'province-official',
      'city-official',
      'county-official',
      'township-official',
      'village-inspector',
      'auditor',
      'administrator',
    ],
  },
  {
    key: 'rectification',
    path: '/rectification',
    label: 'quality.menuItems',
    roles: [
      'province-official',
      'city-official',
      'county-official',
      'township-official',
      'village-inspector',
      'auditor',
      'administrator',
    ],
  },
  // users.manage: the administrator's, last.
  { key: 'users', path: '/users', label: 'menu.users', roles: USER_MANAGERS },
];

/** The pages the role may see, in menu order. */
export function menuFor(role: UserRole): readonly MenuPage[] {
  return MENU_PAGES.filter((page) => page.roles.includes(role));
}
