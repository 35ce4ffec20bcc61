import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import type { DivisionUnit } from '../api/registry';
import type { SignedInUser } from '../auth/claims';
import { mayBrowse } from '../auth/area';

/**
 * Province → … → the unit shown. Units the user may browse link to their household list; the
 * ones above the user's own unit are plain text (their lists are not the user's to read).
 */
export function DivisionBreadcrumb({
  path,
  user,
  label,
  current,
  linkTo = (code) => `/households?division=${code}`,
}: {
  readonly path: readonly DivisionUnit[];
  readonly user: SignedInUser;
  readonly label: string;
  /** A last crumb after the units (a household's number), or none. */
  readonly current?: string;
  /** Where a unit's crumb leads (default: its household list). */
  readonly linkTo?: (code: string) => string;
}) {
  const last = current === undefined ? path.length - 1 : -1;
  return (
    <Breadcrumb
      aria-label={label}
      items={[
        ...path.map((unit, index) => ({
          key: unit.code,
          title:
            index !== last && mayBrowse(user, unit.code) ? (
              <Link to={linkTo(unit.code)}>{unit.name}</Link>
            ) : (
              <span aria-current={index === last ? 'page' : undefined}>{unit.name}</span>
            ),
        })),
        ...(current === undefined ? [] : [{ key: 'current', title: <span aria-current="page">{current}</span> }]),
      ]}
    />
  );
}
