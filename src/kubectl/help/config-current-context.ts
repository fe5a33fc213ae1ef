/** The exact output of `kubectl config current-context -h` (kubectl v1.32.4). */
export const CONFIG_CURRENT_CONTEXT_HELP = `Display the current-context.

Examples:
  # Display the current-context
  kubectl config current-context

Usage:
  kubectl config current-context [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
