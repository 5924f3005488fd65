// The kubeconfig `npm run api` writes: one cluster (its https address and the server's
// own certificate as the authority), one user with the bearer token the server requires.
export function kubeconfigText(server: string, caPem: string, token: string): string {
  const ca = Buffer.from(caPem, 'utf8').toString('base64');
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${ca}
    server: ${server}
  name: podscope
contexts:
- context:
    cluster: podscope
    user: podscope-student
  name: podscope
current-context: podscope
preferences: {}
users:
- name: podscope-student
  user:
    token: ${token}
`;
}
