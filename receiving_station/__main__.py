from receiving_station.cli import main

raise SystemExit(main())
