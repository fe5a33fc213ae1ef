/** The exact output of `kubectl config use-context -h` (kubectl v1.32.4). */
export const CONFIG_USE_CONTEXT_HELP = `Set the current-context in a kubeconfig file.

Aliases:
use-context, use

Examples:
  # Use the context for the minikube cluster
  kubectl config use-context minikube

Usage:
  kubectl config use-context CONTEXT_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
