import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** One page of an API list: the API pages every list with a keyset cursor (see libs/common pagination). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The API's default page: small enough to answer fast, large enough that most lists fit in one. */
export const PAGE_SIZE = 20;

/**
 * A cursor-paged API list as one growing array: the first page, then each next page on request.
 * Invalidating `queryKey` refetches the pages already shown, so a change appears in place.
 */
export function usePagedList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items), [query.data]);
  return { ...query, items };
}

interface PagedList {
  items?: readonly unknown[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Show more" under a paged list, with the count shown announced to screen readers. */
export function MoreButton({ list, what }: { list: PagedList; what: string }) {
  const { t } = useTranslation();
  if (!list.items?.length) return null;
  return (
    <div className="d-flex flex-wrap align-items-center gap-3 mt-3">
      <span className="small" role="status" aria-live="polite">
        {t('paging.shown', { count: list.items.length })}
      </span>
      {list.hasNextPage && (
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('paging.more')} <span className="visually-hidden">{what}</span>
        </button>
      )}
    </div>
  );
}
