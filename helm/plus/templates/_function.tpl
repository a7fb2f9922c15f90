{{/*
The functions as data: values key, PLUS_FUNCTIONS value and object-name suffix. Templates range
over this list so the three are built alike.
*/}}
{{- define "plus.functions" -}}
- {key: feedbackIngest, function: feedback-ingest}
- {key: summarize, function: summarize}
- {key: score, function: score}
{{- end -}}

{{/* The serving container of one function; called with (dict "root" $ "fn" $fn "values" $v "knative" bool). */}}
{{- define "plus.functionContainer" -}}
{{- $root := .root -}}
name: {{ .fn.function }}
image: {{ include "plus.image" $root }}
imagePullPolicy: {{ $root.Values.image.pullPolicy }}
args: [serve]
ports:
  {{- if .knative }}
  # Knative allows one port, named http1 or h2c, and probes on it without naming it
  - {name: http1, containerPort: 8080, protocol: TCP}
  {{- else }}
  - {name: http, containerPort: 8080, protocol: TCP}
  {{- end }}
env:
  - name: PLUS_FUNCTIONS
    value: {{ .fn.function }}
  - name: PLUS_HTTP_PORT
    value: "8080"
  - name: PLUS_MODELS_DIR
    value: {{ $root.Values.modelStore.mountPath | quote }}
  - name: PLUS_SERVE_MODEL_CHECK_INTERVAL
    value: {{ $root.Values.serving.modelCheckInterval | quote }}
  - name: PLUS_LOG_JSON
    value: {{ $root.Values.serving.logJson | quote }}
  - name: PLUS_ADMIN_TOKEN
    valueFrom: {secretKeyRef: {name: {{ include "plus.adminSecret" $root }}, key: token}}
  {{- with $root.Values.auth.jwt }}
  {{- if .publicKeyLocation }}
  - name: PLUS_SERVE_JWT_PUBLIC_KEY_LOCATION
    value: {{ .publicKeyLocation | quote }}
  - name: PLUS_SERVE_JWT_ISSUER
    value: {{ required "auth.jwt.issuer is required with auth.jwt.publicKeyLocation: without it a token of any issuer signed by those keys would be accepted" .issuer | quote }}
  {{- with .audience }}
  - name: PLUS_SERVE_JWT_AUDIENCE
    value: {{ join "," . | quote }}
  {{- end }}
  - name: PLUS_SERVE_JWT_TENANT_CLAIM
    value: {{ .tenantClaim | quote }}
  - name: PLUS_SERVE_JWT_SCOPE_CLAIM
    value: {{ .scopeClaim | quote }}
  - name: PLUS_SERVE_JWT_USER_CLAIM
    value: {{ .userClaim | quote }}
  {{- end }}
  {{- end }}
  - name: DJL_CACHE_DIR
    value: /tmp/djl
  - name: ENGINE_CACHE_DIR
    value: /tmp/djl
  {{- include "plus.connectionEnv" $root | nindent 2 }}
{{- if .knative }}
readinessProbe:
  httpGet: {path: /q/health/ready}
  periodSeconds: 2
livenessProbe:
  httpGet: {path: /q/health/live}
  initialDelaySeconds: 60
  periodSeconds: 10
{{- else }}
startupProbe:
  httpGet: {path: /q/health/started, port: http}
  periodSeconds: 2
  failureThreshold: 90
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 5
  failureThreshold: 3
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
{{- end }}
resources:
  {{- toYaml .values.resources | nindent 2 }}
securityContext:
  {{- toYaml $root.Values.securityContext | nindent 2 }}
volumeMounts:
  {{- include "plus.tmpMount" $root | nindent 2 }}
  - name: models
    mountPath: {{ $root.Values.modelStore.mountPath }}
    readOnly: true
  # config/application.properties under the working directory (/deployments) is read at start-up
  - name: limits
    mountPath: /deployments/config
    readOnly: true
{{- end -}}

{{- define "plus.functionVolumes" -}}
{{- include "plus.tmpVolume" . }}
- name: models
  persistentVolumeClaim:
    claimName: {{ include "plus.modelClaim" . }}
    readOnly: true
- name: limits
  configMap:
    name: {{ include "plus.fullname" . }}-limits
{{- end -}}

{{/*
The functions' rate and cost limits (serving.limits) as the properties the server reads. Tenant
ids are schema-checked, so a key cannot break out of its line.
*/}}
{{- define "plus.limitsProperties" -}}
plus.serve.limits.tenant-requests-per-second={{ int64 .Values.serving.limits.tenantRequestsPerSecond }}
plus.serve.limits.tenant-burst={{ int64 .Values.serving.limits.tenantBurst }}
{{- range $tenant, $own := .Values.serving.limits.tenants }}
{{- range $key, $value := $own }}
plus.serve.limits.tenants."{{ $tenant }}".{{ kebabcase $key }}={{ int64 $value }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Pods restart when their limits change: the server reads them once, at start-up. */}}
{{- define "plus.limitsChecksum" -}}
checksum/limits: {{ include "plus.limitsProperties" . | sha256sum }}
{{- end -}}
