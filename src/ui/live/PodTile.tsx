/** One pod as a small tile: its state is told by color, fill and symbol together (not color alone). */
import { memo } from "react";
import type { PodState } from "./pod-state";

/** The symbol drawn in a tile of each state. */
export const STATE_SYMBOL: Record<PodState, string> = {
  Pending: "…",
  ContainerCreating: "◌",
  Running: "○",
  Ready: "◐",
  Available: "●",
  Terminating: "✕",
  CrashLoopBackOff: "!",
  ImagePullBackOff: "↓",
  Failed: "✗",
  Succeeded: "■",
};

/** Props of PodTile. */
export interface PodTileProps {
  name: string;
  state: PodState;
  title: string;
}

/** A pod tile (memoized: a 100-pod rollout re-renders only the tiles that changed). */
export const PodTile = memo(function PodTile({ name, state, title }: PodTileProps) {
  return (
    <li className={`pod pod-${state}`} title={title} data-pod={name} data-state={state}>
      <span aria-hidden="true">{STATE_SYMBOL[state]}</span>
      <span className="sr-only">{title}</span>
    </li>
  );
});
