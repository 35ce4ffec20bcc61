import { ErrorState } from '../states/states';
import { ApiFailure } from '../api/api-error';

/** A path the dashboard has no page for. */
export function NotFoundPage() {
  return <ErrorState error={new ApiFailure(404, 'web.no-such-page', '')} />;
}
