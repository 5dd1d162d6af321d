// Mission times in the viewer's zone: their saved choice, else (once running in the browser) the
// browser's own zone, else the venue's. The server renders the venue's or the saved zone; the browser
// switches to its own after hydration, so nothing differs between server and first client render.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatInZone, isTimeZone } from "./time-zones";

const ZoneContext = createContext<string>("Asia/Taipei");

export function ViewerZone({ chosen, fallback, children }: { chosen: string | null; fallback: string; children: ReactNode }) {
  const [zone, setZone] = useState(chosen ?? fallback);
  // Also after a new choice arrives with the next loader data (the page stays mounted).
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setZone(chosen ?? (isTimeZone(browser) ? browser : fallback));
  }, [chosen, fallback]);
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

export const useViewerZone = () => useContext(ZoneContext);

export function ZonedTime({ at }: { at: string }) {
  const zone = useViewerZone();
  const { i18n } = useTranslation();
  return <time dateTime={at}>{formatInZone(at, zone, i18n.language)}</time>;
}
