"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

interface SettingsSaveState {
  /** The settings on screen differ from the saved ones (an autosave is pending or failed). */
  unsaved: boolean;
  setUnsaved: (unsaved: boolean) => void;
}

const SaveStateContext = createContext<SettingsSaveState>({ unsaved: false, setUnsaved: () => {} });

/**
 * Lets a project's settings editor tell its Train button whether what the user sees is saved:
 * a run trains the saved settings, so Train waits for the autosave.
 */
export function SettingsSaveStateProvider({ children }: { children: ReactNode }) {
  const [unsaved, setUnsaved] = useState(false);
  const value = useMemo(() => ({ unsaved, setUnsaved }), [unsaved]);
  return <SaveStateContext.Provider value={value}>{children}</SaveStateContext.Provider>;
}

export const useSettingsSaveState = () => useContext(SaveStateContext);
