"""``python -m deploy up|down|status|nginx-config`` – see deploy/README.md."""

from __future__ import annotations

import argparse
import sys

from deploy.cluster import DeployError, down, running_ports, up
from deploy.nginx import ConfigValueError, Front, http_block


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy", description="Dashboard hinter nginx betreiben")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("up", help="N Streamlit-Instanzen und nginx starten (lokal)")
    start.add_argument("--instances", type=int, default=2)
    start.add_argument("--port", type=int, default=8080)
    start.add_argument("--base-path", default="", help="Pfad hinter dem Proxy, z. B. mrh")
    start.add_argument(
        "--frame-ancestors", default="'self'", help="wer einbetten darf, z. B. \"'self' https://www.kreis-xy.de\""
    )
    start.add_argument(
        "--tls", action="store_true", help="HTTPS und HTTP/2 mit selbst signiertem Zertifikat (zum Ausprobieren)"
    )
    start.add_argument(
        "--ogc", action="store_true", help='auch den OGC-API-Features-Dienst unter …/ogc/ (pip install -e ".[gis]")'
    )
    stop = commands.add_parser("down", help="Cluster anhalten (alle oder den auf --port)")
    stop.add_argument("--port", type=int)
    commands.add_parser("status", help="laufende lokale Cluster zeigen")
    config = commands.add_parser("nginx-config", help="nginx-Konfiguration für einen Server ausgeben (http-Kontext)")
    config.add_argument("--instance", action="append", required=True, help="host:port einer Instanz (mehrfach)")
    config.add_argument("--listen", default="80")
    config.add_argument("--server-name", default="_")
    config.add_argument("--base-path", default="")
    config.add_argument("--frame-ancestors", default="'self'")
    config.add_argument("--cache-dir", default="/var/cache/nginx/mrh")
    config.add_argument("--tls-certificate", default="", help="Zertifikat (Kette) für HTTPS und HTTP/2")
    config.add_argument("--tls-key", default="", help="Schlüssel zum Zertifikat")
    config.add_argument("--ogc", default="", help="host:port des OGC-Dienstes (python -m ogc serve), unter …/ogc/")
    args = parser.parse_args(argv)

    try:
        if args.command == "up":
            cluster = up(args.instances, args.port, args.base_path, args.frame_ancestors, tls=args.tls, ogc=args.ogc)
            where = ", ".join(str(i.port) for i in cluster.instances)
            print(f"Dashboard: {cluster.url}  ({len(cluster.instances)} Instanzen auf {where}, nginx auf {args.port})")
            if cluster.ogc:
                print(f"OGC API – Features: {cluster.url}ogc/  (pygeoapi auf {cluster.ogc.port})")
            print(f"Anhalten: python -m deploy down --port {args.port}")
        elif args.command == "down":
            ports = [args.port] if args.port else running_ports()
            stopped = [port for port in ports if down(port)]
            print(f"angehalten: Port {', '.join(map(str, stopped))}" if stopped else "kein Cluster lief")
        elif args.command == "status":
            print("\n".join(f"Cluster auf Port {p}" for p in running_ports()) or "kein Cluster läuft")
        else:
            front = Front(
                instances=tuple(args.instance),
                listen=args.listen,
                server_name=args.server_name,
                base_path=args.base_path,
                frame_ancestors=args.frame_ancestors,
                cache_dir=args.cache_dir,
                tls_certificate=args.tls_certificate,
                tls_key=args.tls_key,
                ogc=args.ogc,
            )
            if bool(args.tls_certificate) != bool(args.tls_key):
                raise DeployError("--tls-certificate und --tls-key nur zusammen angeben")
            sys.stdout.write(http_block(front))
    except (DeployError, ConfigValueError) as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
