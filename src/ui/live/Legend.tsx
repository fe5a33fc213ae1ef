/** The legend of pod states. */
import { useT } from "../use-app";
import { STATE_SYMBOL } from "./PodTile";
import { POD_STATES, STATE_LABEL_KEYS } from "./pod-state";

/** Every pod state with its tile and its name. */
export function Legend() {
  const t = useT();
  return (
    <details className="legend">
      <summary>{t("legend")}</summary>
      <ul aria-label={t("podStates")}>
        {POD_STATES.map((s) => (
          <li key={s}>
            <span className={`pod pod-${s}`} aria-hidden="true">
              <span>{STATE_SYMBOL[s]}</span>
            </span>
            {t(STATE_LABEL_KEYS[s])}
          </li>
        ))}
      </ul>
    </details>
  );
}
