import type { UIMatch } from 'react-router';
import type { TPermission } from '../auth/permissions.ts';

/**
 * What a screen's route tells the layout about itself, for the breadcrumb and the
 * document title: "Local Traffic » Virtual Servers : Virtual Server List » vs_mail".
 */
export type TRouteHandle = {
  trail: string[];
  screen: string;
  // Where the screen's tab and crumb link to, for screens below a list.
  screenTo?: string;
  // The object a screen shows, from its loader's data (e.g. the pool's name).
  object?: string | ((data: unknown) => string | undefined);
  // Sibling screens shown as tabs beside this one (Statistics: Summary, Violations).
  tabs?: TScreenTab[];
  // What the user's role must allow to open the screen (see auth/permissions.ts).
  requires?: TPermission;
};

export type TScreenTab = { label: string; to: string };

export type TScreenTitle = {
  trail: string[];
  screen: string;
  screenTo: string | undefined;
  object: string | undefined;
  tabs: TScreenTab[] | undefined;
  requires: TPermission | undefined;
};

function isRouteHandle(handle: unknown): handle is TRouteHandle {
  return typeof handle === 'object' && handle !== null && 'screen' in handle;
}

/** The deepest matched route that describes a screen. */
export function findScreenTitle(matches: UIMatch[]): TScreenTitle | undefined {
  const match = [...matches].reverse().find((m) => isRouteHandle(m.handle));

  if (!match || !isRouteHandle(match.handle)) return undefined;
  const { trail, screen, screenTo, object, tabs, requires } = match.handle;
  const objectName = typeof object === 'function' ? object(match.loaderData) : object;

  return { trail, screen, screenTo, object: objectName, tabs, requires };
}

export function formatTitle(title: TScreenTitle): string {
  const path = `${title.trail.join(' » ')} : ${title.screen}`;

  return title.object ? `${path} » ${title.object}` : path;
}

/** Reads `name` off a loader's data for edit screens. */
export function objectName(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('name' in data)) return undefined;

  return typeof data.name === 'string' ? data.name : undefined;
}
