/**
 * A part of the pane that the first paint does without, fetched as a chunk of its own right
 * after: renders nothing until its module is there, then the part itself. Unlike React.lazy it
 * does not suspend once the module has been loaded (`preload`), so a test that preloads the
 * parts renders the pane in one go.
 */
import { useEffect, useState, type ComponentType } from "react";

export interface LaterPart<P> {
  (props: P): React.JSX.Element | null;
  preload(): Promise<ComponentType<P>>;
}

export function later<P extends object>(load: () => Promise<ComponentType<P>>): LaterPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  function Part(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      void preload().then((c) => {
        if (live) setLoaded(() => c);
      });
      return () => {
        live = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  }
  return Object.assign(Part, { preload });
}
