// A Service's targetPort by name: the endpoints controller looks the name up among
// the selected pods' declared container ports (podutil.FindPort), per pod; a pod that
// declares no such port is no endpoint of that Service. Sources in
// docs/FACTS-containers.md (Services, Endpoints).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.19.0
        ports:
        - name: http
          containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: web
    port: 8080
    targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: nameless
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: web-port`;

function lab() {
  const s = new Session({ seed: 7 });
  s.shell('m-k8s').fs.write('/root/web.yaml', MANIFEST);
  runAt(s, 'm-k8s', 'kubectl apply -f web.yaml');
  wait(s, 20);
  return s;
}

const ipOf = (s: Session, svc: string) =>
  runAt(s, 'm-k8s', `kubectl get svc ${svc} -o jsonpath='{.spec.clusterIP}'`).text;

describe('named targetPorts', () => {
  it('resolve to the container port of that name, and to nothing when no container names it', () => {
    const s = lab();
    expect(runAt(s, 'm-k8s', 'kubectl get ep').text).toBe(
      [
        'NAME         ENDPOINTS                           AGE',
        'kubernetes   192.168.1.10:6443                   29m',
        'nameless     <none>                              21s',
        'web          172.16.132.1:80,172.16.221.129:80   21s',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get ep web -o jsonpath={.subsets[0].ports}').text).toBe(
      // kubectl 1.18's jsonpath prints an object as Go prints a map.
      '[map[name:web port:80 protocol:TCP]]',
    );
  });

  it('carry traffic: the ClusterIP’s port 8080 reaches nginx on 80; the nameless Service refuses', () => {
    const s = lab();
    const web = runAt(s, 'm-k8s', `curl -s ${ipOf(s, 'web')}:8080`);
    expect(web.text.split('\n')[3]).toBe('<title>Welcome to nginx!</title>');
    const nameless = ipOf(s, 'nameless');
    expect(runAt(s, 'm-k8s', `curl ${nameless}`).text).toBe(
      `curl: (7) Failed connect to ${nameless}:80; Connection refused`,
    );
  });
});
