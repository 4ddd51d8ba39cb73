/**
 * Test helper: the pane rendered as the tests of App use it — in Fluent's provider, with a
 * fake host, fake commands (jest mocks), a delivery that "downloads", and a fixed "today".
 */
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Delivery } from "../commands/addin-commands";
import { App, type AppProps } from "./App";
import { fakeCommands, fakeHost, type FakeCommands } from "./testing";

export function renderApp(props: Partial<AppProps> & { commands?: FakeCommands; todayIs?: Date } = {}) {
  const { todayIs = new Date(2024, 11, 5), ...rest } = props;
  const commands = props.commands ?? fakeCommands();
  const host = props.host ?? fakeHost();
  const deliver = props.deliver ?? jest.fn<Promise<Delivery>, [Blob, string]>(() => Promise.resolve({ kind: "downloaded" }));
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} today={() => todayIs} deliver={deliver} {...rest} commands={commands} />
    </FluentProvider>,
  );
  return { ...view, commands, host, deliver, user };
}
